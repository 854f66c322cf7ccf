export const startPromotionSchema = {
  type: 'object',
  required: ['fingerprint'],
  additionalProperties: false,
  properties: {
    fingerprint: { type: 'string', maxLength: 100, description: 'from GET …/promotion/preview' },
    snapshot: { type: 'boolean', description: 'pin production as a snapshot before the swap' },
    note: { type: 'string', maxLength: 1000 },
  },
};
