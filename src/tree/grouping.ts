import * as l10n from '@vscode/l10n';
import { recordId } from '../api/listOpportunities';
import type { OpportunityRecord } from '../api/opportunities';
import { nonEmptyText } from '../view/format';
import { opportunityTitle } from '../view/opportunityModel';

export interface StageGroup {
  /** Unique in the tree and stable across loads: the tree item's id. */
  key: string;
  name: string;
  opportunities: OpportunityRecord[];
}

export interface BoardGroup {
  key: string;
  name: string;
  stages: StageGroup[];
}

function wholeNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
}

interface StageFacts {
  id?: number;
  name: string;
  position?: number;
  /** The "No stage" group, which comes last. */
  none: boolean;
}

/**
 * Stages by their position on the board where it is known; the rest after,
 * by id (the order they were made in), then name. "No stage" comes last.
 */
function compareStages(a: StageFacts, b: StageFacts, collator: Intl.Collator): number {
  const rank = (s: StageFacts) => (s.none ? 3 : s.position !== undefined ? 0 : s.id !== undefined ? 1 : 2);
  return (
    rank(a) - rank(b) ||
    (a.position ?? 0) - (b.position ?? 0) ||
    (a.id ?? 0) - (b.id ?? 0) ||
    collator.compare(a.name, b.name)
  );
}

/** Opportunities by their documented display order within the stage (Position), then title, then id. */
function compareOpportunities(a: OpportunityRecord, b: OpportunityRecord, collator: Intl.Collator): number {
  const position = (r: OpportunityRecord) => wholeNumber(r.Position) ?? Number.MAX_SAFE_INTEGER;
  return (
    position(a) - position(b) ||
    collator.compare(opportunityTitle(a), opportunityTitle(b)) ||
    (recordId(a) ?? 0) - (recordId(b) ?? 0)
  );
}

/** What a group is called when the records name none, in the display language. */
function unnamed(kind: 'Board' | 'Stage', id: number | undefined): string {
  if (kind === 'Board') {
    return id === undefined ? l10n.t('No board') : l10n.t('Board #{0}', id);
  }
  return id === undefined ? l10n.t('No stage') : l10n.t('Stage #{0}', id);
}

/** A group's key, its name, and whether it is the catch-all for records that name no group. */
function identify(kind: 'Board' | 'Stage', id: number | undefined, name: string | undefined) {
  const prefix = kind.toLowerCase();
  if (id !== undefined) {
    return { key: `${prefix}:id:${id}`, name: name ?? unnamed(kind, id), none: false };
  }
  if (name !== undefined) {
    return { key: `${prefix}:name:${name}`, name, none: false };
  }
  return { key: `${prefix}:none`, name: unnamed(kind, undefined), none: true };
}

/**
 * Groups opportunities board → stage, using the board and stage each record
 * names (CrmBoardColumnCrmBoardId/Name, CrmBoardColumnId/Name), ordered for
 * people: boards by name with "No board" last, stages as on the board.
 */
export function groupByBoardAndStage(
  records: readonly OpportunityRecord[],
  stagePositions: ReadonlyMap<number, number>,
  locale: string,
): BoardGroup[] {
  // The first Intl.Collator costs ~8 ms (it loads ICU data): not worth paying for an empty tree, as at activation.
  if (records.length === 0) {
    return [];
  }
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const boards = new Map<string, { name: string; none: boolean; stages: Map<string, StageFacts & { records: OpportunityRecord[] }> }>();

  for (const record of records) {
    // An id of 0 is what the API sends for "none" (the documented example's CrmBoardColumnId).
    const board = identify('Board', wholeNumber(record.CrmBoardColumnCrmBoardId) || undefined, nonEmptyText(record.CrmBoardColumnCrmBoardName));
    const stageId = wholeNumber(record.CrmBoardColumnId) || undefined;
    const stage = identify('Stage', stageId, nonEmptyText(record.CrmBoardColumnName));
    // Stages named but without an id are told apart per board.
    const stageKey = stageId === undefined ? `${stage.key}@${board.key}` : stage.key;

    let boardGroup = boards.get(board.key);
    if (!boardGroup) {
      boardGroup = { name: board.name, none: board.none, stages: new Map() };
      boards.set(board.key, boardGroup);
    }
    let stageGroup = boardGroup.stages.get(stageKey);
    if (!stageGroup) {
      const position = stageId === undefined ? undefined : stagePositions.get(stageId);
      stageGroup = { id: stageId, name: stage.name, none: stage.none, position, records: [] };
      boardGroup.stages.set(stageKey, stageGroup);
    }
    stageGroup.records.push(record);
  }

  return [...boards.entries()]
    .sort(([, a], [, b]) => Number(a.none) - Number(b.none) || collator.compare(a.name, b.name))
    .map(([key, board]) => ({
      key,
      name: board.name,
      stages: [...board.stages.entries()]
        .sort(([, a], [, b]) => compareStages(a, b, collator))
        .map(([stageKey, stage]) => ({
          key: stageKey,
          name: stage.name,
          opportunities: stage.records.sort((a, b) => compareOpportunities(a, b, collator)),
        })),
    }));
}
