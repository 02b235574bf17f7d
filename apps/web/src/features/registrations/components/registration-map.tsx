import type { Circle, CircleMarker } from 'leaflet';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLeafletMap } from '../../../components/map/use-leaflet-map';

const ZOOM = 16;

/**
 * Where the phone was against the site's geofence: the circle is the geofence, the dot the
 * registration with its accuracy around it. The figures are always written beside the map, so
 * that the screen still answers without tiles.
 */
export function RegistrationMap({
  position,
  site,
  radiusMeters,
}: {
  position: { latitude: number; longitude: number; accuracyMeters: number };
  site: { latitude: number; longitude: number } | null;
  radiusMeters: number;
}) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const layers = useRef<{ geofence?: Circle; accuracy: Circle; point: CircleMarker }>(undefined);
  const { status, tilesFailed, map } = useLeafletMap(
    container,
    { center: [position.latitude, position.longitude], zoom: ZOOM },
    (L, created) => {
      layers.current = {
        geofence: site
          ? L.circle([site.latitude, site.longitude], {
              radius: radiusMeters,
              color: '#1d4ed8',
              weight: 2,
              fillOpacity: 0.12,
            }).addTo(created)
          : undefined,
        accuracy: L.circle([position.latitude, position.longitude], {
          radius: position.accuracyMeters,
          color: '#b45309',
          weight: 1,
          dashArray: '4 4',
          fillOpacity: 0.08,
        }).addTo(created),
        point: L.circleMarker([position.latitude, position.longitude], {
          radius: 7,
          color: '#b45309',
          weight: 2,
          fillOpacity: 0.9,
        }).addTo(created),
      };
    },
  );

  // Both the geofence and the registration in view, however far apart they are.
  useEffect(() => {
    const shown = map.current;
    const drawn = layers.current;
    if (status !== 'ready' || !shown || !drawn) return;
    const bounds = drawn.accuracy.getBounds();
    if (drawn.geofence) bounds.extend(drawn.geofence.getBounds());
    shown.fitBounds(bounds, { padding: [24, 24], maxZoom: ZOOM + 1 });
  }, [status, map]);

  if (status === 'failed') {
    return (
      <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900">
        {t('registrations.map.unavailable')}
      </p>
    );
  }
  return (
    <div className="space-y-2">
      <div
        ref={container}
        role="application"
        aria-label={t('registrations.map.label')}
        className="relative z-0 h-64 w-full overflow-hidden rounded-md border border-slate-300 bg-slate-100 sm:h-80"
      />
      {status === 'loading' && <p className="text-sm text-slate-600">{t('registrations.map.loading')}</p>}
      {tilesFailed && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-amber-900">
          {t('registrations.map.tilesUnreachable')}
        </p>
      )}
      <p className="text-sm text-slate-600">{t('registrations.map.legend')}</p>
    </div>
  );
}
