// Renders the live check's map and step preview to HTML strings with Astro's container API, so the
// editor island shows exactly the components the studio's pages use (ScenarioMap.astro, CaseFile.tsx).
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import reactRenderer from '@astrojs/react/server.js';
import ScenarioMap from './ScenarioMap.astro';
import StepPreview from './StepPreview.astro';
import type { MapLayout } from '../../domain/authoring/map-layout.ts';
import type { TraineeView } from '../../domain/view/trainee-view.ts';

let container: Promise<AstroContainer> | undefined;

function renderer(): Promise<AstroContainer> {
  container ??= AstroContainer.create().then((created) => {
    created.addServerRenderer({ renderer: reactRenderer });
    return created;
  });
  return container;
}

/** The scenario map as the studio's map page draws it, with steps linking to a playtest of the draft. */
export async function mapHtml(map: MapLayout, title: string, playFrom?: (stepId: string) => string): Promise<string> {
  return (await renderer()).renderToString(ScenarioMap, { props: { map, title, playFrom } });
}

/** One step as a trainee sees it. */
export async function previewHtml(view: TraineeView): Promise<string> {
  return (await renderer()).renderToString(StepPreview, { props: { view } });
}
