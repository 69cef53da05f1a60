/**
 * Five changes to HyperFormula 3.5's dependency graph, so formulas over whole case tabs (the add-on's
 * `RATINGS_TABLE('Case supervision'!A:CI)`, whose range has an edge from every cell of the tab) cost
 * what they read once, not again on every edit. None changes what HyperFormula computes. All are
 * installed together (patchHyperFormula) on the classes of the engine's own instance, and only on
 * the HyperFormula version they were written against (the lock file pins it); another version keeps
 * its own methods.
 *
 * 1. Removing a formula, made linear. When a formula cell is cleared or overwritten, HyperFormula
 *    removes its vertex and walks what it depended on (`removeVertexAndCleanupDependencies`),
 *    removing range and empty-cell vertices nothing else needs. It took each item of that worklist
 *    from a Set with `set.values().next()` then `set.delete()`, which rescans every entry deleted
 *    before: quadratic. Rewriting the Ratings tab walked 870,000 items at 10,000 cases (150 s). The
 *    replacement walks an array; an item is acted on only while its vertex is in the graph with
 *    nothing depending on it, so the order does not change the outcome.
 * 2. Ranges kept through a script's run. A range left without formulas is removed when the run ends
 *    (flushRangeRemovals), not at once: Generate summaries clears the Ratings tab and writes it again,
 *    and the new formulas take up the same range instead of building its 870,000 edges again.
 * 3. A formula over a range that has its vertex gets one edge from it. HyperFormula walked every
 *    cell of the range again (each edge was there already).
 * 4. Edge lists kept at their size. Each vertex's list of dependents got room for 17 ids on its
 *    first edge, about 185 bytes a cell where almost every cell has one dependent: 170 MB of the
 *    engine's memory at 10,000 cases.
 * 5. The first evaluation sorts the formulas only. Building the engine sorted every vertex of the
 *    graph (each cell of every case tab) to find the order to evaluate its formulas in; a sort
 *    started from the formulas reaches every formula and every cycle through one, in a valid order.
 */
import type { HyperFormula } from 'hyperformula';

/** The HyperFormula release whose methods these replace (its source was read for them). */
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

/** Range vertices left without dependents, kept until flushRangeRemovals (2). */
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
      // Kept until flushRangeRemovals: a formula entered over the same range before then takes it up again.
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

/** Installs the changes on the classes of this HyperFormula instance (once; nothing on another version). */
export function patchHyperFormula(hf: HyperFormula, version: string): void {
  installLinearGraphCleanup(hf, version);
  installCompactEdges(hf, version);
}

interface SortingGraph {
  getNodes(): GraphVertex[];
  getTopSortedWithSccSubgraphFrom(seeds: GraphVertex[], operatingFunction: () => boolean, onCycle: () => void): unknown;
  topSortWithScc(): unknown;
}

// HyperFormula's formula vertices (its FormulaVertex subclasses), known by their class names.
const FORMULA_VERTICES = new Set(['ScalarFormulaVertex', 'ArrayFormulaVertex']);

/** Sorts from the formulas (5), on the Graph class. */
function installFormulaSort(prototype: SortingGraph): void {
  prototype.topSortWithScc = function (this: SortingGraph): unknown {
    const formulas = this.getNodes().filter((vertex) => FORMULA_VERTICES.has((vertex as object).constructor.name));
    return this.getTopSortedWithSccSubgraphFrom(formulas, () => true, () => undefined);
  };
}

/** Replaces the quadratic walk (1, with 2 and 3) on the DependencyGraph class. */
function installLinearGraphCleanup(hf: HyperFormula, version: string): void {
  const prototype = Object.getPrototypeOf((hf as unknown as { dependencyGraph: object }).dependencyGraph) as DependencyGraphInternals;
  if (version !== PATCHED_VERSION || patched.has(prototype) || typeof prototype.removeVertexAndCleanupDependencies !== 'function') return;
  patched.add(prototype);
  prototype.removeVertexAndCleanupDependencies = function (this: DependencyGraphInternals, inputVertex: GraphVertex): void {
    removeUnneeded(this, this.graph.removeNode(inputVertex).slice(), true);
  };
  installSharedRanges(prototype);
}

/**
 * Removes the range vertices kept (2) that still have no dependents, and what only they needed, as
 * HyperFormula would have at once: the engine calls it after each change outside a script's run
 * and when a run ends (FormulaEngine.holdingRanges).
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

/** A formula over a range that has its vertex gets one edge from it (3); the rest of its dependencies go to HyperFormula's own method. */
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

/** Keeps edge lists at their size (4): a short list is copied to its exact length on each new edge (the same ids in the same order); a longer one grows by `push`, so a cell with many dependents stays linear. */
function installCompactEdges(hf: HyperFormula, version: string): void {
  const prototype = Object.getPrototypeOf((hf as unknown as { dependencyGraph: { graph: object } }).dependencyGraph.graph) as GraphInternals;
  if (version !== PATCHED_VERSION || patched.has(prototype) || typeof prototype.addEdge !== 'function') return;
  patched.add(prototype);
  installFormulaSort(prototype as unknown as SortingGraph);
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
