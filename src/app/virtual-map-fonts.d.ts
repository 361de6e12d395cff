declare module 'virtual:map-fonts' {
  import type { FontFacesSpecification } from 'maplibre-gl';
  export const fontFaces: FontFacesSpecification;
}
