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

/** Replaces the quadratic walk on the DependencyGraph class of this HyperFormula (once; a no-op on another version). */
export function installLinearGraphCleanup(hf: HyperFormula, version: string): void {
  const prototype = Object.getPrototypeOf((hf as unknown as { dependencyGraph: object }).dependencyGraph) as DependencyGraphInternals;
  if (version !== PATCHED_VERSION || patched.has(prototype) || typeof prototype.removeVertexAndCleanupDependencies !== 'function') return;
  patched.add(prototype);
  prototype.removeVertexAndCleanupDependencies = function (this: DependencyGraphInternals, inputVertex: GraphVertex): void {
    const pending: Dependency[] = this.graph.removeNode(inputVertex).slice();
    const affectedSheets = new Set<number>();
    while (pending.length > 0) {
      const [address, vertex] = pending.pop() as Dependency;
      if (!this.graph.hasNode(vertex) || this.graph.adjacentNodesCount(vertex) !== 0) continue;
      const range = isKind(vertex, 'RangeVertex');
      const empty = isKind(vertex, 'EmptyCellVertex');
      if (range || empty) for (const dependency of this.graph.removeNode(vertex)) pending.push(dependency);
      if (range) {
        this.rangeMapping.removeVertexIfExists(vertex);
        affectedSheets.add(vertex.sheet as number);
      } else if (empty && isCellAddress(address)) {
        this.addressMapping.removeCell(address);
        affectedSheets.add(address.sheet);
      }
    }
    this.cleanupPlaceholderSheets(affectedSheets);
  };
}
