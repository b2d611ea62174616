/**
 * A generated CRM for the stand-in: opportunities spread over two boards of
 * three stages each, with the stages' ids deliberately out of their board
 * order, so a test can tell ordering by position from ordering by id.
 */

export interface StageLayout {
  id: number;
  name: string;
  position: number;
}

export interface BoardLayout {
  id: number;
  name: string;
  currency: string;
  stages: StageLayout[];
}

export const CRM_LAYOUT: BoardLayout[] = [
  {
    id: 20,
    name: 'Sales',
    currency: 'EUR',
    stages: [
      { id: 203, name: 'Lead', position: 1 },
      { id: 201, name: 'Proposal', position: 2 },
      { id: 202, name: 'Negotiation', position: 3 },
    ],
  },
  {
    id: 10,
    name: 'Memberships',
    currency: 'GBP',
    stages: [
      { id: 102, name: 'Enquiry', position: 1 },
      { id: 103, name: 'Tour booked', position: 2 },
      { id: 101, name: 'Signed', position: 3 },
    ],
  },
];

/** Stages in the order records are dealt to them: record i goes to STAGE_ORDER[i % 6]. */
export const STAGE_ORDER = CRM_LAYOUT.flatMap((board) => board.stages.map((stage) => ({ board, stage })));

/** Opportunity i (Ids 1…count): stage STAGE_ORDER[i % 6], status 1 + i % 3, value i × 10, Position count − i. */
export function generatedOpportunity(i: number, count: number): Record<string, unknown> {
  const { board, stage } = STAGE_ORDER[i % STAGE_ORDER.length];
  const unnamed = i % 7 === 0;
  return {
    Id: i,
    Name: unnamed ? null : `Opportunity ${i}`,
    CoworkerFullName: `Customer ${i}`,
    CoworkerCompanyName: i % 2 === 0 ? `Company ${i}` : null,
    CrmBoardColumnId: stage.id,
    CrmBoardColumnName: stage.name,
    CrmBoardColumnCrmBoardId: board.id,
    CrmBoardColumnCrmBoardName: board.name,
    CrmBoardColumnCrmBoardBusinessCurrencyCode: board.currency,
    ResponsibleFullName: 'Admin Example',
    Status: 1 + (i % 3),
    Value: i * 10,
    DueDate: '2026-05-01T09:00:00Z',
    Position: count - i,
  };
}

export function generatedOpportunities(count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, index) => generatedOpportunity(index + 1, count));
}

/** The stages as /api/crm/crmboardcolumns lists them. */
export function generatedStages(): Record<string, unknown>[] {
  return CRM_LAYOUT.flatMap((board) =>
    board.stages.map((stage) => ({ Id: stage.id, CrmBoardId: board.id, CrmBoardName: board.name, Name: stage.name, Position: stage.position })),
  );
}
