import { describe, expect, test } from 'vitest';
import { scenarioGraph } from '../../../src/domain/authoring/map-graph.ts';
import { layoutMap, wrapText, type PlacedNode } from '../../../src/domain/authoring/map-layout.ts';
import { seniorPath } from '../../../src/domain/engine/senior-path.ts';
import { loadFixture } from '../../support/scenarios.ts';
import { longScenario } from './long-scenario.ts';

const overlaps = (a: PlacedNode, b: PlacedNode) => Math.abs(a.x - b.x) < (a.width + b.width) / 2 && Math.abs(a.y - b.y) < (a.height + b.height) / 2;

describe('the map of the kitchen-sink scenario', () => {
  const scenario = loadFixture('kitchen-sink');
  const map = layoutMap(scenarioGraph(scenario, seniorPath(scenario)));

  const drawnAs = (id: string) => map.nodes.find((node) => node.id === id)?.copyOf ?? id;

  test('draws every step and every ending inside the drawing; only busy endings get copies', () => {
    const originals = map.nodes
      .filter((node) => !node.copyOf)
      .map((node) => node.id)
      .sort();
    expect(originals).toEqual([...Object.keys(scenario.steps), ...Object.keys(scenario.endings)].sort());
    // "missed" is reached from three steps: drawn once per step that leads to it.
    expect(map.nodes.filter((node) => node.copyOf).map((node) => node.copyOf)).toEqual(['missed', 'missed']);
    for (const edge of map.edges) expect(map.nodes.some((node) => node.id === edge.to)).toBe(true);
    for (const node of map.nodes) {
      expect(node.lines.length).toBeGreaterThan(0);
      expect(node.x - node.width / 2).toBeGreaterThanOrEqual(0);
      expect(node.y + node.height / 2).toBeLessThanOrEqual(map.height);
      expect(node.x + node.width / 2).toBeLessThanOrEqual(map.width);
    }
  });

  test('no two boxes overlap', () => {
    for (const [index, a] of map.nodes.entries()) for (const b of map.nodes.slice(index + 1)) expect(overlaps(a, b), `${a.id} / ${b.id}`).toBe(false);
  });

  test('marks the senior path: exactly its edges and its nodes, ending in the resolved ending', () => {
    const seniorEdges = map.edges.filter((edge) => edge.senior).map((edge) => `${edge.from}>${edge.to}`);
    expect(seniorEdges.sort()).toEqual(['first-look>loop-in', 'loop-in>queue', 'note-to-buyer>shipped', 'queue>note-to-buyer']);
    expect(
      map.nodes
        .filter((node) => node.senior)
        .map((node) => node.id)
        .sort(),
    ).toEqual(['first-look', 'loop-in', 'note-to-buyer', 'queue', 'shipped']);
    expect(map.nodes.find((node) => node.start)?.id).toBe('first-look');
  });

  test('draws every branch once per pair of nodes, with the options and conditions on it', () => {
    const edge = (from: string, to: string) => map.edges.find((candidate) => candidate.from === from && drawnAs(candidate.to) === to);
    expect(edge('first-look', 'released-wrongly')?.parts).toEqual([{ label: 'release-it', verdict: 'critical' }]);
    expect(edge('loop-in', 'queue')?.parts.map((part) => part.label)).toEqual(['score ≥ 0.8']);
    expect(edge('loop-in', 'missed')?.parts.map((part) => part.label)).toEqual(['sentiment < 30 and minutes ≥ 100']);
    expect(edge('loop-in', 'credit-asks-why')?.parts.map((part) => part.label)).toEqual(['otherwise']);
    // Three branches of the rank step go to the same place: one edge carries all three.
    expect(edge('queue', 'note-to-buyer')?.parts.map((part) => part.label)).toEqual(['score < 0.5', 'visited sales-bounces', 'otherwise']);
    expect(map.edges).toHaveLength(new Set(map.edges.map((candidate) => `${candidate.from}>${drawnAs(candidate.to)}`)).size);
    for (const drawn of map.edges) expect(drawn.points.length).toBeGreaterThanOrEqual(2);
  });

  test('gives endings their result so they can be coloured', () => {
    const results = Object.fromEntries(map.nodes.filter((node) => node.kind === 'ending').map((node) => [drawnAs(node.id), node.result]));
    expect(results).toEqual({ shipped: 'resolved', 'late-ship': 'partial', missed: 'failed', 'released-wrongly': 'failed' });
  });
});

describe('the map of a 30-step scenario', () => {
  const scenario = longScenario(30);
  const map = layoutMap(scenarioGraph(scenario, seniorPath(scenario)));

  test('lays out every step and ending without overlaps, narrow enough to read on a laptop screen', () => {
    expect(map.nodes.filter((node) => !node.copyOf)).toHaveLength(33);
    for (const [index, a] of map.nodes.entries()) for (const b of map.nodes.slice(index + 1)) expect(overlaps(a, b), `${a.id} / ${b.id}`).toBe(false);
    expect(map.width).toBeLessThan(1300);
    expect(map.edges.filter((edge) => edge.senior)).toHaveLength(30);
  });

  test('draws the senior path as one straight column', () => {
    const columns = new Set(map.nodes.filter((node) => node.senior).map((node) => Math.round(node.x)));
    expect(columns.size).toBe(1);
  });
});

describe('wrapText', () => {
  test('wraps on spaces and cuts the last line with an ellipsis', () => {
    expect(wrapText('Who do you copy on the request to credit?', 12, 2)).toEqual(['Who do you', 'copy on the…']);
    expect(wrapText('short', 12, 3)).toEqual(['short']);
    expect(wrapText('averyveryverylongword', 8, 2)).toEqual(['averyve…']);
  });
});
