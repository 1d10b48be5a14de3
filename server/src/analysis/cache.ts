/**
 * Memoises models by uri + version (+ targets): one parse per keystroke, shared by diagnostics, code actions,
 * hover and navigation. Bounded (LRU) so that thousands of open files cannot grow memory without limit;
 * `delete(uri)` frees a closed document's model at once.
 */
import { buildModel } from './buildModel';
import { forgetMemos } from './memo';
import type { DockerfileModel } from './model';

export class ModelCache {
  private readonly entries = new Map<string, { key: string; model: DockerfileModel }>();

  constructor(private readonly capacity = 200) {}

  get(uri: string, version: number, text: string, targets: readonly string[] = []): DockerfileModel {
    const key = `${version}\u0000${targets.join(',')}`;
    const hit = this.entries.get(uri);
    if (hit && hit.key === key && hit.model.text === text) {
      // Refresh LRU position.
      this.entries.delete(uri);
      this.entries.set(uri, hit);
      return hit.model;
    }
    // The document's previous model lends the nodes of its unchanged instructions (only the latest model of a
    // document is read: features and snapshots ask the cache for the version they need).
    if (hit) forgetFacts(hit.model);
    const model = buildModel(text, { uri, version, targets, previous: hit?.model });
    this.entries.delete(uri);
    this.entries.set(uri, { key, model });
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return model;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * Drops the facts rules and features memoised on a model that a newer version replaces (scripts, package
 * operations, scopes, flows: about a third of a linted model). Until the new model is built they were still
 * reachable, and every young-generation collection during the next lint copied them once more: dropping them
 * halved the collector's time per keystroke on the 2,000-line latency file. Memos are caches, so anything
 * still reading the old model computes them again. What is kept on parser nodes (`nodeReuse.ts`) stays.
 */
function forgetFacts(model: DockerfileModel): void {
  forgetMemos(model);
  for (const stage of model.stages) forgetMemos(stage);
  for (const instr of model.instructions) {
    forgetMemos(instr);
    if (instr.trigger) forgetMemos(instr.trigger);
  }
}
