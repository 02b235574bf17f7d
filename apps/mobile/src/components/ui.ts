// Big, high-contrast controls: used with a thumb, outdoors, sometimes with gloves.
export const PRIMARY_BUTTON =
  'min-h-14 w-full rounded-xl bg-brand-700 px-4 text-xl font-bold text-white hover:bg-brand-800 disabled:bg-slate-400 disabled:text-slate-100 aria-disabled:opacity-80';
export const SECONDARY_BUTTON =
  'min-h-12 rounded-xl border-2 border-brand-700 bg-white px-4 text-lg font-bold text-brand-800 hover:bg-brand-50';
export const CARD = 'rounded-xl bg-white p-4 shadow-sm';
export const INPUT =
  'mt-1 block min-h-14 w-full rounded-lg border-2 border-slate-500 bg-white px-3 text-xl text-slate-950 focus:border-brand-700';
export const ERROR_BOX =
  'rounded-xl border-2 border-red-700 bg-red-50 p-4 text-base font-medium text-red-900';
export const WARNING_BOX = 'rounded-xl border-2 border-amber-500 bg-amber-50 p-4 text-base text-slate-950';
export const OK_BOX = 'rounded-xl border-2 border-green-700 bg-green-50 p-4 text-base text-green-950';
