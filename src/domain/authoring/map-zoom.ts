/** The map's zoom levels: fitted to the page, or drawn at a scale (in percent) to pan by scrolling. */
export const MAP_ZOOMS = ['fit', 100, 150, 200] as const;
export type MapZoom = (typeof MAP_ZOOMS)[number];

/** The zoom a query value asks for; anything else fits the map to the page. */
export const readMapZoom = (value: string | null): MapZoom => MAP_ZOOMS.find((level) => String(level) === value) ?? 'fit';
