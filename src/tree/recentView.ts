import * as vscode from 'vscode';
import { Views } from '../constants';
import { RecentEntry, RecentOpportunities } from '../recent';
import { recentTreeItem } from './treeItems';

/** The Recent view: the opportunities opened lately, newest first. */
export class RecentView implements vscode.TreeDataProvider<RecentEntry>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly treeView: vscode.TreeView<RecentEntry>;

  constructor(private readonly recent: RecentOpportunities) {
    this.treeView = vscode.window.createTreeView(Views.recent, { treeDataProvider: this });
  }

  getTreeItem(entry: RecentEntry): vscode.TreeItem {
    return recentTreeItem(entry);
  }

  getChildren(entry?: RecentEntry): RecentEntry[] {
    return entry ? [] : this.recent.entries();
  }

  async add(entry: RecentEntry): Promise<void> {
    await this.recent.add(entry);
    this.changed.fire();
  }

  async rename(entry: RecentEntry): Promise<void> {
    await this.recent.rename(entry);
    this.changed.fire();
  }

  async remove(id: number): Promise<void> {
    await this.recent.remove(id);
    this.changed.fire();
  }

  dispose(): void {
    this.treeView.dispose();
    this.changed.dispose();
  }
}
