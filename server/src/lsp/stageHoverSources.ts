/**
 * Knowledge the stage card uses when available: base-image facts (family, SDK vs runtime, default user) and
 * the build-only packages a stage installs.
 */
import type { StageHoverSources } from '../features/stageHover';

export const stageHoverSources: StageHoverSources = {};
