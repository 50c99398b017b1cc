import { graphlib, layout } from '@dagrejs/dagre';
import type { MapEdge, MapGraph, MapNode } from './map-graph.ts';

/** Sizes in SVG user units (pixels at 100%); the text metrics are estimates for a 12-13 px sans-serif. */
export const MAP_METRICS = {
  nodeWidth: 210,
  charWidth: 6.6,
  lineHeight: 15,
  headHeight: 20,
  padding: 8,
  maxTextLines: 3,
  labelLineHeight: 13,
  labelCharWidth: 6,
  labelMaxChars: 34,
} as const;

export interface Point {
  x: number;
  y: number;
}

export interface PlacedNode extends MapNode {
  /** Centre, as dagre gives it. */
  x: number;
  y: number;
  width: number;
  height: number;
  /** The node's text wrapped to fit its box (the last line ends with … when cut). */
  lines: string[];
}

export interface PlacedEdge extends MapEdge {
  points: Point[];
  /** Where the edge's label is drawn (its centre), and its lines. */
  label?: { x: number; y: number; lines: string[] };
}

export interface MapLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  edges: PlacedEdge[];
}

/** Greedy word wrap to `width` characters, at most `max` lines; a cut last line ends with an ellipsis. */
export function wrapText(text: string, width: number, max: number): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const piece = word.length > width ? `${word.slice(0, width - 1)}…` : word;
    if (!line) line = piece;
    else if (line.length + 1 + piece.length <= width) line += ` ${piece}`;
    else {
      lines.push(line);
      line = piece;
    }
  }
  if (line) lines.push(line);
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  const last = kept[max - 1] ?? '';
  kept[max - 1] = `${last.length >= width ? last.slice(0, width - 1) : last}…`;
  return kept;
}

/** Lays the map out top to bottom with dagre; edges carry their polyline and label position. */
export function layoutMap(graph: MapGraph): MapLayout {
  const m = MAP_METRICS;
  const perLine = Math.floor((m.nodeWidth - 2 * m.padding) / m.charWidth);
  const g = new graphlib.Graph<
    { rankdir: string },
    { width: number; height: number; x?: number; y?: number },
    { width: number; height: number; points?: Point[]; x?: number; y?: number }
  >({ directed: true });
  g.setGraph({ rankdir: 'TB', nodesep: 28, edgesep: 12, ranksep: 36, marginx: 12, marginy: 12 } as never);

  const wrapped = new Map<string, string[]>();
  for (const node of graph.nodes) {
    const lines = wrapText(node.text, perLine, m.maxTextLines);
    wrapped.set(node.id, lines);
    g.setNode(node.id, { width: m.nodeWidth, height: m.headHeight + lines.length * m.lineHeight + 2 * m.padding });
  }
  const labelLines = new Map<string, string[]>();
  for (const edge of graph.edges) {
    const lines = edge.parts.map((part) => (part.label.length > m.labelMaxChars ? `${part.label.slice(0, m.labelMaxChars - 1)}…` : part.label));
    const key = `${edge.from}\u0000${edge.to}`;
    labelLines.set(key, lines);
    const widest = Math.max(0, ...lines.map((line) => line.length));
    g.setEdge(edge.from, edge.to, {
      width: lines.length ? widest * m.labelCharWidth + 6 : 0,
      height: lines.length ? lines.length * m.labelLineHeight + 4 : 0,
      // The senior path is kept as straight as dagre can make it.
      ...(edge.senior ? { weight: 8 } : {}),
      labelpos: 'c',
    } as never);
  }
  // dagre's corePath lines the senior path up in one column where the layering allows.
  const corePath = graph.nodes.filter((node) => node.senior).map((node) => node.id);
  layout(g as never, { corePath });

  const nodes: PlacedNode[] = graph.nodes.map((node) => {
    const placed = g.node(node.id);
    return { ...node, x: placed.x ?? 0, y: placed.y ?? 0, width: placed.width, height: placed.height, lines: wrapped.get(node.id) ?? [] };
  });
  const edges: PlacedEdge[] = graph.edges.map((edge) => {
    const placed = g.edge(edge.from, edge.to);
    const lines = labelLines.get(`${edge.from}\u0000${edge.to}`) ?? [];
    return {
      ...edge,
      points: (placed.points ?? []).map(({ x, y }) => ({ x, y })),
      label: lines.length && placed.x !== undefined && placed.y !== undefined ? { x: placed.x, y: placed.y, lines } : undefined,
    };
  });
  const size = g.graph() as unknown as { width?: number; height?: number };
  return { width: Math.ceil(size.width ?? 0), height: Math.ceil(size.height ?? 0), nodes, edges };
}
