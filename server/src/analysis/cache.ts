/**
 * Memoises models by uri + version (+ targets): one parse per keystroke, shared by diagnostics, code actions,
 * hover and navigation. Bounded (LRU) so that thousands of open files cannot grow memory without limit;
 * `delete(uri)` frees a closed document's model at once.
 */
import { buildModel } from './buildModel';
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
