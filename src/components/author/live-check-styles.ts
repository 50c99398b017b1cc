// Imported by the editor page for its side effect: Astro bundles the scoped styles of every component a
// page imports, and the live check's HTML (drawn on the server, see live-check-html.ts) needs these.
import ScenarioMap from './ScenarioMap.astro';
import StepPreview from './StepPreview.astro';

/** The components whose HTML the live check returns. */
export const LIVE_CHECK_COMPONENTS = [ScenarioMap, StepPreview];
