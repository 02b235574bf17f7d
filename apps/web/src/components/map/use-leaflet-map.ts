import type * as LeafletModule from 'leaflet';
import type { Map as LeafletMap } from 'leaflet';
import { useEffect, useRef, useState, type RefObject } from 'react';

type Leaflet = typeof LeafletModule;

/** OpenStreetMap's standard tiles (their usage policy asks for the attribution below). */
const TILES = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
const ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';
/** How long to wait for a first tile before saying the background map is unreachable. */
const TILE_PATIENCE_MS = 8000;

export type LeafletMapStatus = 'loading' | 'ready' | 'failed';

export interface LeafletMapHandle {
  status: LeafletMapStatus;
  /** No tile came (no internet, a blocked host): the screen says so and shows the figures as text. */
  tilesFailed: boolean;
  /** Leaflet and the map, once `status` is `ready`. */
  leaflet: RefObject<Leaflet | undefined>;
  map: RefObject<LeafletMap | undefined>;
}

/**
 * A Leaflet map in `container`, with OpenStreetMap tiles. Leaflet is loaded here, on demand, so
 * that it is not part of the back-office's first download. `onCreated` adds the screen's layers
 * once the map exists. Example:
 * `const handle = useLeafletMap(ref, { center: [50.83, 4.37], zoom: 16 }, (L, map) => …)`.
 */
export function useLeafletMap(
  container: RefObject<HTMLDivElement | null>,
  start: { center: [number, number]; zoom: number },
  onCreated?: (leaflet: Leaflet, map: LeafletMap) => void,
): LeafletMapHandle {
  const leaflet = useRef<Leaflet>(undefined);
  const map = useRef<LeafletMap>(undefined);
  const [status, setStatus] = useState<LeafletMapStatus>('loading');
  const [tilesFailed, setTilesFailed] = useState(false);
  // The first view and the creation callback are read once: the map is made once per mount.
  const first = useRef({ start, onCreated });

  useEffect(() => {
    let cancelled = false;
    let patience: ReturnType<typeof setTimeout> | undefined;
    Promise.all([import('leaflet'), import('leaflet/dist/leaflet.css')])
      .then(([L]) => {
        if (cancelled || !container.current) return;
        const created = L.map(container.current, first.current.start);
        let tileLoaded = false;
        const tiles = L.tileLayer(TILES, { maxZoom: 19, attribution: ATTRIBUTION });
        tiles.on('tileload', () => {
          tileLoaded = true;
          setTilesFailed(false);
        });
        tiles.on('tileerror', () => {
          if (!tileLoaded) setTilesFailed(true);
        });
        tiles.addTo(created);
        patience = setTimeout(() => {
          if (!tileLoaded) setTilesFailed(true);
        }, TILE_PATIENCE_MS);
        leaflet.current = L;
        map.current = created;
        first.current.onCreated?.(L, created);
        setStatus('ready');
      })
      .catch(() => {
        if (!cancelled) setStatus('failed');
      });
    return () => {
      cancelled = true;
      clearTimeout(patience);
      map.current?.remove();
      map.current = undefined;
    };
  }, [container]);

  return { status, tilesFailed, leaflet, map };
}
