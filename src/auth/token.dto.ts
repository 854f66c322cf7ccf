export const createTokenSchema = {
  type: 'object',
  required: ['role'],
  additionalProperties: false,
  properties: {
    role: { type: 'string', enum: ['owner', 'editor', 'reviewer'] },
    label: { type: 'string', maxLength: 200 },
  },
};
export interface CreateTokenBody {
  role: 'owner' | 'editor' | 'reviewer';
  label?: string;
}
