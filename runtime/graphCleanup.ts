/**
 * HyperFormula 3.5's removal of a formula from its dependency graph, made linear.
 *
 * When a formula cell is cleared or overwritten, HyperFormula removes its vertex and then walks what
 * it depended on (`DependencyGraph.removeVertexAndCleanupDependencies`), removing range vertices and
 * empty-cell vertices nothing else needs. It keeps that worklist in a Set and takes each item with
 * `set.values().next()` followed by `set.delete()`: every take scans past the entries already
 * deleted, so the walk is quadratic in its length. A formula over a whole case tab
 * (`RATINGS_TABLE('Case supervision'!A:CI)`) has a range vertex with an edge from every cell of the
 * tab, so rewriting the Ratings tab (Generate summaries) walked 174,000 items at 2,000 cases (6 s)
 * and 870,000 at 10,000 (150 s).
 *
 * The replacement does the same work with an array as the worklist: the same vertices are removed
 * (an item is acted on only while its vertex is still in the graph and nothing depends on it, so
 * the order of the walk does not change the outcome), in time linear in the items. It is installed
 * on the class of the engine's own instance, and only on the HyperFormula version it was written
 * against; another version keeps its own method.
 */
import type { HyperFormula } from 'hyperformula';

/** The HyperFormula release whose method this replaces (its source was read for it). */
const PATCHED_VERSION = '3.5.0';

interface GraphVertex {
  sheet?: number;
}
type Dependency = [unknown, GraphVertex];
interface DependencyGraphInternals {
  graph: { removeNode(vertex: GraphVertex): Dependency[]; hasNode(vertex: GraphVertex): boolean; adjacentNodesCount(vertex: GraphVertex): number };
  rangeMapping: { removeVertexIfExists(vertex: GraphVertex): void };
  addressMapping: { removeCell(address: unknown): void };
  cleanupPlaceholderSheets(sheets: Set<number>): void;
  removeVertexAndCleanupDependencies(vertex: GraphVertex): void;
}

/** HyperFormula's test for a cell address ({ sheet, row, col }), as its Cell module has it. */
function isCellAddress(address: unknown): address is { sheet: number; row: number; col: number } {
  const candidate = address as { sheet?: unknown; row?: unknown; col?: unknown } | null;
  return typeof candidate === 'object' && candidate !== null && typeof candidate.sheet === 'number' && typeof candidate.row === 'number' && typeof candidate.col === 'number';
}

// The vertex classes are internal to HyperFormula (outside its package "exports"): known by their class names.
const isKind = (vertex: GraphVertex, kind: 'RangeVertex' | 'EmptyCellVertex') => (vertex as object).constructor.name === kind;

const patched = new WeakSet<object>();

/** Range vertices left without dependents during an operation, removed when it ends (flushRangeRemovals). */
const pendingRanges = new WeakMap<object, Set<GraphVertex>>();

/** The walk: removes the vertex, then each range and empty cell that nothing depends on any more. */
function removeUnneeded(graph: DependencyGraphInternals, start: Dependency[], deferRanges: boolean): void {
  const pending = start;
  const affectedSheets = new Set<number>();
  while (pending.length > 0) {
    const [address, vertex] = pending.pop() as Dependency;
    if (!graph.graph.hasNode(vertex) || graph.graph.adjacentNodesCount(vertex) !== 0) continue;
    const range = isKind(vertex, 'RangeVertex');
    const empty = isKind(vertex, 'EmptyCellVertex');
    if (range && deferRanges) {
      // Kept until the operation ends: a formula entered in the same write over the same range reuses it.
      const waiting = pendingRanges.get(graph) ?? new Set<GraphVertex>();
      pendingRanges.set(graph, waiting.add(vertex));
      continue;
    }
    if (range || empty) for (const dependency of graph.graph.removeNode(vertex)) pending.push(dependency);
    if (range) {
      graph.rangeMapping.removeVertexIfExists(vertex);
      affectedSheets.add(vertex.sheet as number);
    } else if (empty && isCellAddress(address)) {
      graph.addressMapping.removeCell(address);
      affectedSheets.add(address.sheet);
    }
  }
  graph.cleanupPlaceholderSheets(affectedSheets);
}

/** Replaces the quadratic walk on the DependencyGraph class of this HyperFormula (once; a no-op on another version). */
export function installLinearGraphCleanup(hf: HyperFormula, version: string): void {
  const prototype = Object.getPrototypeOf((hf as unknown as { dependencyGraph: object }).dependencyGraph) as DependencyGraphInternals;
  if (version !== PATCHED_VERSION || patched.has(prototype) || typeof prototype.removeVertexAndCleanupDependencies !== 'function') return;
  patched.add(prototype);
  prototype.removeVertexAndCleanupDependencies = function (this: DependencyGraphInternals, inputVertex: GraphVertex): void {
    removeUnneeded(this, this.graph.removeNode(inputVertex).slice(), true);
  };
  installSharedRanges(prototype);
}

/**
 * Removes the range vertices an operation left without dependents (and what only they needed), as
 * HyperFormula would have during the operation: the engine calls it after each change. Rewriting a
 * tab of formulas over a whole case tab (Generate summaries' Ratings tab) so keeps the range and its
 * edge from every cell of the tab, where HyperFormula removed them and built them again.
 */
export function flushRangeRemovals(hf: HyperFormula): void {
  const graph = (hf as unknown as { dependencyGraph: DependencyGraphInternals }).dependencyGraph;
  const waiting = pendingRanges.get(graph);
  if (waiting === undefined || waiting.size === 0) return;
  pendingRanges.delete(graph);
  removeUnneeded(graph, [...waiting].map((vertex): Dependency => [undefined, vertex]), false);
}

interface RangeDependency {
  start: unknown;
  end: unknown;
  addresses(graph: unknown): Iterable<unknown>;
}

interface DependencyBuilding {
  graph: { hasNode(vertex: GraphVertex): boolean; addEdge(from: unknown, to: unknown): void };
  getRange(start: unknown, end: unknown): GraphVertex | undefined;
  processCellDependencies(dependencies: unknown[], endVertex: GraphVertex): void;
}

const isRangeDependency = (dependency: unknown): dependency is RangeDependency =>
  typeof dependency === 'object' && dependency !== null && 'start' in dependency && 'end' in dependency && typeof (dependency as RangeDependency).addresses === 'function';

/**
 * A formula over a range that already has its vertex gets one edge from it. HyperFormula 3.5 went
 * through every cell of the range again (an edge from each was there already), so each formula over
 * a whole case tab cost a walk of the tab: 870,000 cells at 10,000 cases.
 */
function installSharedRanges(prototype: object): void {
  const building = prototype as DependencyBuilding;
  const original = building.processCellDependencies;
  if (typeof original !== 'function') return;
  building.processCellDependencies = function (this: DependencyBuilding, dependencies: unknown[], endVertex: GraphVertex): void {
    const rest = dependencies.filter((dependency) => {
      if (!isRangeDependency(dependency)) return true;
      const existing = this.getRange(dependency.start, dependency.end);
      if (existing === undefined || !this.graph.hasNode(existing)) return true;
      this.graph.addEdge(existing, endVertex);
      return false;
    });
    original.call(this, rest, endVertex);
  };
}

/** The longest edge list copied to its exact size on each new edge; a longer one grows as arrays do. */
const EXACT_EDGE_LIST = 8;

interface GraphInternals {
  edgesSparseArray: number[][];
  getNodeIdIfNotNumber(node: unknown): number | undefined;
  missingNodeError(node: unknown): Error;
  addEdge(from: unknown, to: unknown): void;
}

/**
 * HyperFormula 3.5's edge lists kept at their size. Every vertex has an array of the vertices that
 * depend on it, and its first `push` gives that array room for 17 ids: about 185 bytes for each
 * cell a range reads, when almost every cell has one or two dependents (the range vertices over its
 * case tab). A formula over a whole tab made this most of the engine's memory: 34 MB at 2,000 cases,
 * 170 MB at 10,000. A short list is now copied to its exact length on each new edge (the same ids in
 * the same order, so the graph is unchanged); a list past EXACT_EDGE_LIST grows by `push` as before,
 * so a cell with many dependents stays linear. Installed like the cleanup above: once, on 3.5.0 only.
 */
export function installCompactEdges(hf: HyperFormula, version: string): void {
  const prototype = Object.getPrototypeOf((hf as unknown as { dependencyGraph: { graph: object } }).dependencyGraph.graph) as GraphInternals;
  if (version !== PATCHED_VERSION || patched.has(prototype) || typeof prototype.addEdge !== 'function') return;
  patched.add(prototype);
  prototype.addEdge = function (this: GraphInternals, fromNode: unknown, toNode: unknown): void {
    const fromId = this.getNodeIdIfNotNumber(fromNode);
    const toId = this.getNodeIdIfNotNumber(toNode);
    if (fromId === undefined) throw this.missingNodeError(fromNode);
    if (toId === undefined) throw this.missingNodeError(toNode);
    const edges = this.edgesSparseArray[fromId];
    if (edges.includes(toId)) return;
    if (edges.length < EXACT_EDGE_LIST) this.edgesSparseArray[fromId] = edges.concat(toId);
    else edges.push(toId);
  };
}
