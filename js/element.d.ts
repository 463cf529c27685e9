import type { Infographic } from './district_infographic.js';

/**
 * `<district-infographic src="report.json" locale="zh" theme="auto">`: the one-tag embed.
 * Importing this module registers the element. It sets `data-state` to `loading`, `ready` or
 * `error` and dispatches `ready` (detail: `{items}`) and `error` (detail: `{message}`) events.
 */
export declare class DistrictInfographic extends HTMLElement {
  /** Attributes that redraw the element when they change. */
  static observedAttributes: string[];
  /** The drawn instance, once `ready`. */
  readonly infographic: Infographic | undefined;
  /** Shows the tall share image (长图) in an overlay; returns the `<img>`. */
  share(): HTMLImageElement | undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'district-infographic': DistrictInfographic;
  }
}
