// The three levels of a consultation's strategy (ambitions → objectives → projects): where each
// lives, what it carries, and reading one node with its place in the tree.
import type { TxQuery } from '../../core/db/database.ts';

export const NODE_KINDS = ['ambition', 'objective', 'project'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export interface Shape {
  table: string;
  /** The column holding the parent's id (the consultation for ambitions). */
  parent: string;
  codeMax: number | null;
  titleMax: number;
  hasDescription: boolean;
  /** From the node's row alias `n` to its consultation id. */
  consultation: string;
  from: string;
}

export const SHAPES: Record<NodeKind, Shape> = {
  ambition: { table: 'consultation_ambitions', parent: 'consultation_id', codeMax: 10, titleMax: 300, hasDescription: false, consultation: 'n.consultation_id', from: 'consultation_ambitions n' },
  objective: {
    table: 'consultation_objectives',
    parent: 'ambition_id',
    codeMax: 12,
    titleMax: 1000,
    hasDescription: false,
    consultation: 'a.consultation_id',
    from: 'consultation_objectives n join consultation_ambitions a on a.id = n.ambition_id',
  },
  project: {
    table: 'consultation_projects',
    parent: 'objective_id',
    codeMax: null,
    titleMax: 500,
    hasDescription: true,
    consultation: 'a.consultation_id',
    from: 'consultation_projects n join consultation_objectives o on o.id = n.objective_id join consultation_ambitions a on a.id = o.ambition_id',
  },
};

export const hasCode = (kind: NodeKind) => SHAPES[kind].codeMax !== null;
export const hasDescription = (kind: NodeKind) => SHAPES[kind].hasDescription;

/** The kind a node's children have, or null for projects (leaves). */
export const childKind = (kind: NodeKind): NodeKind | null => (kind === 'ambition' ? 'objective' : kind === 'objective' ? 'project' : null);
/** The kind of a node's parent, or null for ambitions (their parent is the consultation). */
export const parentKind = (kind: NodeKind): NodeKind | null => (kind === 'project' ? 'objective' : kind === 'objective' ? 'ambition' : null);

export interface StrategyNode {
  consultationId: number;
  parentId: number;
  code: string;
  title: string;
  description: string;
}

/** The node with its consultation and parent, or undefined when it does not exist. */
export async function locateNode(q: Pick<TxQuery, 'query'>, kind: NodeKind, id: number): Promise<StrategyNode | undefined> {
  const s = SHAPES[kind];
  const [row] = await q.query<StrategyNode>(
    `select ${s.consultation} as "consultationId", n.${s.parent} as "parentId", ${s.codeMax !== null ? 'n.code' : `''`} as code, n.title,
            ${s.hasDescription ? 'n.description' : `''`} as description
     from ${s.from} where n.id = $1`,
    [id],
  );
  return row;
}
