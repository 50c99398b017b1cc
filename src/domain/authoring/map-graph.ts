import type { EndingResult, Scenario, StepKind, Verdict } from '../scenario/schema.ts';
import type { SeniorPath } from '../engine/senior-path.ts';
import { reachableFrom } from '../scenario/graph.ts';
import { whenWords } from './answer-key.ts';

/** A step or an ending, as the map draws it. */
export interface MapNode {
  id: string;
  kind: 'step' | 'ending';
  stepKind?: StepKind;
  /** The prompt of a step, the title (or text) of an ending. */
  text: string;
  result?: EndingResult;
  start: boolean;
  senior: boolean;
  /** A second drawing of a busy ending, placed next to one of the steps that lead to it. */
  copyOf?: string;
}

/** What makes up an edge: an option (choose) or a branch condition, with its verdict when it has one. */
export interface EdgePart {
  label: string;
  verdict?: Verdict;
}

/** Every way from one node to another, merged into one drawn edge. */
export interface MapEdge {
  from: string;
  to: string;
  parts: EdgePart[];
  /** The senior path takes this edge. */
  senior: boolean;
}

export interface MapGraph {
  nodes: MapNode[];
  edges: MapEdge[];
}

/**
 * The scenario as a graph: one node per step and ending (reading order: reachable ones from the start,
 * then any the start cannot reach), one edge per (from, to) pair carrying every option or condition on it.
 */
export function scenarioGraph(scenario: Scenario, senior: SeniorPath): MapGraph {
  const seniorNodes = new Set([...senior.decisions.map((decision) => decision.stepId), ...(senior.ending ? [senior.ending] : [])]);
  const seniorEdges = new Set(senior.decisions.map((decision) => `${decision.stepId}\u0000${decision.next}`));
  const order = [...reachableFrom(scenario)];
  for (const id of [...Object.keys(scenario.steps), ...Object.keys(scenario.endings)]) if (!order.includes(id)) order.push(id);

  const nodes: MapNode[] = order.flatMap((id): MapNode[] => {
    const step = scenario.steps[id];
    if (step) return [{ id, kind: 'step', stepKind: step.kind, text: step.prompt, start: id === scenario.start, senior: seniorNodes.has(id) }];
    const ending = scenario.endings[id];
    if (ending) return [{ id, kind: 'ending', text: ending.title ?? ending.text, result: ending.result, start: false, senior: seniorNodes.has(id) }];
    return [];
  });

  const known = new Set(nodes.map((node) => node.id));
  const edges = new Map<string, MapEdge>();
  const add = (from: string, to: string, part: EdgePart) => {
    if (!known.has(to)) return;
    const key = `${from}\u0000${to}`;
    const edge = edges.get(key) ?? { from, to, parts: [], senior: seniorEdges.has(key) };
    if (part.label && !edge.parts.some((existing) => existing.label === part.label)) edge.parts.push(part);
    edges.set(key, edge);
  };
  for (const [stepId, step] of Object.entries(scenario.steps)) {
    if (step.kind === 'choose') {
      for (const option of step.options) {
        for (const branch of option.next) {
          const when = whenWords(branch.when);
          add(stepId, branch.goto, { label: when ? `${option.id} (${when})` : option.id, verdict: option.verdict });
        }
      }
    } else {
      for (const branch of step.next) add(stepId, branch.goto, { label: whenWords(branch.when) ?? (step.next.length > 1 ? 'otherwise' : '') });
    }
  }
  return splitBusyEndings({ nodes, edges: [...edges.values()] });
}

/** An ending reached from this many steps or more is drawn once per step that leads to it. */
export const BUSY_ENDING = 3;

/**
 * Long edges from all over the map into one shared failed ending make a big scenario unreadable:
 * a busy ending keeps one edge (the senior path's, if any) and gets a copy beside each other step.
 */
function splitBusyEndings(graph: MapGraph): MapGraph {
  const nodes = [...graph.nodes];
  const edges = graph.edges.map((edge) => ({ ...edge }));
  for (const ending of graph.nodes.filter((node) => node.kind === 'ending')) {
    const incoming = edges.filter((edge) => edge.to === ending.id).sort((a, b) => Number(b.senior) - Number(a.senior));
    if (incoming.length < BUSY_ENDING) continue;
    incoming.slice(1).forEach((edge, index) => {
      const id = `${ending.id}~${index + 1}`;
      nodes.push({ ...ending, id, senior: false, copyOf: ending.id });
      edge.to = id;
    });
  }
  return { nodes, edges };
}
