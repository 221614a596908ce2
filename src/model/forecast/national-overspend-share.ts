/**
 * Councils' average overspend on children's social care as a share of budget, by financial year
 * (its starting calendar year), each derived from national records in seeds/ (overspend over
 * spend less overspend). Years without a figure take the latest earlier one; before the first,
 * the first. A forecast made at the end of year t may use the figures up to t only.
 */
export const NATIONAL_OVERSPEND_SHARE: readonly { year: number; share: number; records: string }[] = [
  // 816-872m on 8.8bn spend: midpoint 844m over 7.96bn of budget.
  { year: 2017, share: 0.106, records: "seeds/national-2017-18-csc-overspend, seeds/national-2017-18-csc-spend" },
  // 946.5m on 10.9bn (the 2021 forecast of spend).
  { year: 2021, share: 0.095, records: "seeds/national-2021-22-csc-overspend, seeds/national-2021-22-csc-spend-forecast-2021" },
  // LGA: 14.2% a year on average over 2022-23 to 2024-25.
  { year: 2022, share: 0.142, records: "seeds/national-overspend-share-2022-25" },
];

/** The national average overspend share known for `year`, with the records it rests on. */
export function nationalOverspendShare(year: number): { share: number; records: string } {
  let found = NATIONAL_OVERSPEND_SHARE[0];
  for (const row of NATIONAL_OVERSPEND_SHARE) if (row.year <= year) found = row;
  return { share: found.share, records: found.records };
}
