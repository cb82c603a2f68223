export const DEMO_MUNICIPALITIES = [
  { code: '0630', name: 'Vejle', region: 'DK-83', city: 'Vejle', postalCode: '7100' },
  { code: '0265', name: 'Roskilde', region: 'DK-85', city: 'Roskilde', postalCode: '4000' },
  { code: '0101', name: 'København', region: 'DK-84', city: 'København', postalCode: '2200' },
] as const;
