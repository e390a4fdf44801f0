// The two libraries the page loads as classic scripts (served from node_modules by the API),
// typed for `tsc -p web` from their own type packages.
import type * as Leaflet from 'leaflet'
import type SuperclusterClass from 'supercluster'

declare global {
  const L: typeof Leaflet
  const Supercluster: typeof SuperclusterClass
}
