import type { Circle, CircleMarker } from 'leaflet';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLeafletMap } from '../../../components/map/use-leaflet-map';

/** Belgium, seen whole, for a site without coordinates yet. */
const BELGIUM = { center: [50.5, 4.47] as [number, number], zoom: 7 };
const SITE_ZOOM = 16;

/**
 * The site on a map: a click picks its coordinates, the circle shows its geofence. Without tiles
 * (no internet, a blocked host) the map says so and the coordinate boxes still do the job.
 */
export function SiteMap({
  point,
  radiusMeters,
  onPick,
}: {
  point: { latitude: number; longitude: number } | undefined;
  radiusMeters: number | undefined;
  onPick: (latitude: number, longitude: number) => void;
}) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const layers = useRef<{ marker: CircleMarker; circle: Circle }>(undefined);
  const pick = useRef(onPick);

  useEffect(() => {
    pick.current = onPick;
  }, [onPick]);

  const { status, tilesFailed, map } = useLeafletMap(
    container,
    // Read once, when the map is made: later points move the marker, not the map's creation.
    point ? { center: [point.latitude, point.longitude], zoom: SITE_ZOOM } : BELGIUM,
    (L, created) => {
      created.on('click', (event) => pick.current(event.latlng.lat, event.latlng.lng));
      const style = { color: '#1d4ed8', weight: 2 };
      layers.current = {
        marker: L.circleMarker([0, 0], { ...style, radius: 7, fillOpacity: 0.9 }),
        circle: L.circle([0, 0], { ...style, radius: 1, fillOpacity: 0.15 }),
      };
    },
  );

  // The point and its geofence follow the boxes, whether typed or picked.
  useEffect(() => {
    const shown = map.current;
    const { marker, circle } = layers.current ?? {};
    if (status !== 'ready' || !shown || !marker || !circle) return;
    if (!point) {
      marker.remove();
      circle.remove();
      return;
    }
    const at: [number, number] = [point.latitude, point.longitude];
    marker.setLatLng(at).addTo(shown);
    if (radiusMeters !== undefined) circle.setLatLng(at).setRadius(radiusMeters).addTo(shown);
    else circle.remove();
    // Seen from the whole country a geofence is a dot: go to the site when it is out of view or tiny.
    if (!shown.getBounds().contains(at) || shown.getZoom() < SITE_ZOOM - 3) {
      if (radiusMeters !== undefined)
        shown.fitBounds(circle.getBounds(), { padding: [24, 24], maxZoom: SITE_ZOOM + 1 });
      else shown.setView(at, SITE_ZOOM);
    }
  }, [status, point?.latitude, point?.longitude, radiusMeters]); // eslint-disable-line react-hooks/exhaustive-deps

  if (status === 'failed') {
    return (
      <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900">
        {t('sites.map.unavailable')}
      </p>
    );
  }
  return (
    <div className="space-y-2">
      <div
        ref={container}
        role="application"
        aria-label={t('sites.map.label')}
        className="relative z-0 h-72 w-full overflow-hidden rounded-md border border-slate-300 bg-slate-100 sm:h-96"
      />
      {status === 'loading' && <p className="text-sm text-slate-600">{t('sites.map.loading')}</p>}
      {tilesFailed && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900">
          {t('sites.map.tilesUnreachable')}
        </p>
      )}
      {status === 'ready' && !tilesFailed && <p className="text-sm text-slate-600">{t('sites.map.hint')}</p>}
    </div>
  );
}
