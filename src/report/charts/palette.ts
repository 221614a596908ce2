/**
 * Okabe and Ito's palette, distinguishable with the common colour-vision deficiencies
 * (Okabe & Ito 2008, "Color Universal Design"; https://jfly.uni-koeln.de/color/). Options take
 * colours in order; two fixed roles: cheaper (blue) and dearer (vermillion), never red against green.
 */
export const OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"] as const;

/** The colour of the option at `index` in a scenario's list, the same on every chart. */
export function optionColour(index: number): string {
  return OKABE_ITO[index % OKABE_ITO.length];
}

export const CHEAPER = "#0072B2";
export const DEARER = "#D55E00";
export const NEUTRAL = "#555555";
