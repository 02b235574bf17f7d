/**
 * Series colours: dark enough for 3:1 against white and each other's neighbours separated by a white
 * edge, picked from colour-blind-safe hues (Okabe–Ito, darkened). Colour is never the only cue: each
 * series also has its own pattern, drawn in the bars and in the legend.
 */
export const seriesColours = [
  '#0072B2',
  '#C2410C',
  '#047857',
  '#7E22CE',
  '#A16207',
  '#BE185D',
  '#0E7490',
  '#475569',
];

/** The colour of "others": neutral, so it reads as the rest rather than one more group. */
export const OTHERS_STYLE = seriesColours.length - 1;

const patternMarks = [
  null,
  <path key="d" d="M-1,1 l2,-2 M0,8 l8,-8 M7,9 l2,-2" strokeWidth="1.5" />,
  <circle key="o" cx="4" cy="4" r="1.4" stroke="none" fill="white" />,
  <path key="x" d="M0,0 L8,8 M8,0 L0,8" strokeWidth="1.2" />,
  <path key="v" d="M4,0 V8" strokeWidth="1.5" />,
  <path key="h" d="M0,4 H8" strokeWidth="1.5" />,
  <path key="r" d="M-1,7 l2,2 M0,0 l8,8 M7,-1 l2,2" strokeWidth="1.5" />,
  <path key="g" d="M0,4 H8 M4,0 V8" strokeWidth="1" />,
];

const patternId = (prefix: string, style: number) => `${prefix}-pattern-${style % seriesColours.length}`;

/** The fill of a series: its pattern over its colour. */
export const seriesFill = (prefix: string, style: number) => `url(#${patternId(prefix, style)})`;

/** The patterns of every series style, to put once in each chart's `<defs>`. */
export function SeriesPatterns({ prefix }: { prefix: string }) {
  return (
    <>
      {seriesColours.map((colour, style) => (
        <pattern
          key={colour}
          id={patternId(prefix, style)}
          width="8"
          height="8"
          patternUnits="userSpaceOnUse"
        >
          <rect width="8" height="8" fill={colour} />
          {patternMarks[style] && (
            <g stroke="white" strokeOpacity="0.85" fill="none">
              {patternMarks[style]}
            </g>
          )}
        </pattern>
      ))}
    </>
  );
}

/** A legend's swatch: the same pattern as the bars. */
export function Swatch({ style }: { style: number }) {
  const prefix = `swatch-${style}`;
  return (
    <svg width="18" height="18" aria-hidden="true" className="shrink-0">
      <defs>
        <SeriesPatterns prefix={prefix} />
      </defs>
      <rect
        x="0.5"
        y="0.5"
        width="17"
        height="17"
        rx="2"
        fill={seriesFill(prefix, style)}
        stroke="#0f172a"
        strokeWidth="1"
      />
    </svg>
  );
}
