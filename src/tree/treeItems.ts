import * as vscode from 'vscode';
import { Commands, ItemContexts } from '../constants';
import type { RecentEntry } from '../recent';
import type { OpportunityNode } from './opportunitiesController';
import type { OpportunitySummary, StatusKind } from './opportunitySummary';

// Shapes differ by status, so the icons read without colour; colour only adds to them.
const STATUS_ICONS: Record<StatusKind, vscode.ThemeIcon> = {
  inProgress: new vscode.ThemeIcon('circle-outline'),
  won: new vscode.ThemeIcon('pass', new vscode.ThemeColor('charts.green')),
  lost: new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('charts.red')),
  unknown: new vscode.ThemeIcon('question'),
};

function opportunities(count: number): string {
  return count === 1 ? vscode.l10n.t('{0} opportunity', count.toLocaleString()) : vscode.l10n.t('{0} opportunities', count.toLocaleString());
}

function openCommand(id: number): vscode.Command {
  return { command: Commands.openOpportunity, title: vscode.l10n.t('Open Opportunity'), arguments: [id] };
}

/** The tooltip as Markdown: record text goes in through appendText, so it is escaped, never markup. */
function tooltip(summary: OpportunitySummary): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString();
  markdown.appendMarkdown('**');
  markdown.appendText(summary.label);
  markdown.appendMarkdown('**\n\n');
  for (const detail of summary.details) {
    markdown.appendText(vscode.l10n.t('{0}: ', detail.label));
    markdown.appendText(detail.value);
    markdown.appendMarkdown('  \n');
  }
  return markdown;
}

function opportunityItem(summary: OpportunitySummary): vscode.TreeItem {
  const item = new vscode.TreeItem(summary.label, vscode.TreeItemCollapsibleState.None);
  item.id = `opportunity:${summary.id}`;
  item.description = summary.description;
  item.iconPath = STATUS_ICONS[summary.status];
  item.tooltip = tooltip(summary);
  item.accessibilityInformation = { label: summary.accessibilityLabel };
  item.contextValue = ItemContexts.opportunity;
  item.command = openCommand(summary.id);
  return item;
}

export function opportunityTreeItem(node: OpportunityNode): vscode.TreeItem {
  switch (node.kind) {
    case 'board':
    case 'stage': {
      const isBoard = node.kind === 'board';
      const item = new vscode.TreeItem(
        node.name,
        isBoard ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
      );
      item.id = node.key;
      item.description = node.count.toLocaleString();
      item.iconPath = new vscode.ThemeIcon(isBoard ? 'project' : 'list-flat');
      const count = opportunities(node.count);
      item.tooltip = isBoard ? vscode.l10n.t('Board {0}: {1}', node.name, count) : vscode.l10n.t('Stage {0}: {1}', node.name, count);
      item.accessibilityInformation = {
        label: isBoard ? vscode.l10n.t('Board {0}, {1}', node.name, count) : vscode.l10n.t('Stage {0}, {1}', node.name, count),
      };
      item.contextValue = node.kind;
      return item;
    }
    case 'opportunity':
      return opportunityItem(node.summary);
    case 'problem': {
      const rejected = node.problem === 'tokenRejected';
      const item = new vscode.TreeItem(
        rejected ? vscode.l10n.t('Token rejected: set a new API token') : vscode.l10n.t('Could not list opportunities: retry'),
      );
      item.id = `problem:${node.problem}`;
      item.iconPath = new vscode.ThemeIcon(rejected ? 'key' : 'warning');
      item.tooltip = node.message;
      item.accessibilityInformation = {
        label: rejected
          ? vscode.l10n.t('Token rejected: set a new API token. {0}', node.message)
          : vscode.l10n.t('Could not list opportunities: retry. {0}', node.message),
      };
      if (rejected) {
        item.contextValue = ItemContexts.tokenRejected;
      }
      item.command = rejected
        ? { command: Commands.setToken, title: vscode.l10n.t('Set API Token') }
        : { command: Commands.refreshOpportunities, title: vscode.l10n.t('Refresh') };
      return item;
    }
  }
}

export function recentTreeItem(entry: RecentEntry): vscode.TreeItem {
  const item = new vscode.TreeItem(entry.name, vscode.TreeItemCollapsibleState.None);
  item.id = `recent:${entry.id}`;
  item.description = `#${entry.id}`;
  item.iconPath = new vscode.ThemeIcon('history');
  item.tooltip = `${entry.name} (#${entry.id})`;
  item.accessibilityInformation = { label: vscode.l10n.t('{0}, opportunity {1}', entry.name, entry.id) };
  item.contextValue = ItemContexts.recentOpportunity;
  item.command = openCommand(entry.id);
  return item;
}
