// Form bodies of the department pages and the message key explaining each field's rule.
const email = { type: 'string', maxLength: 254, pattern: '^\\s*$|^\\s*[^\\s@]+@[^\\s@]+\\.[^\\s@]+\\s*$' } as const;
const text = (max: number) => ({ type: 'string', minLength: 1, maxLength: max, pattern: '\\S' }) as const;

export const idParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 } },
} as const;

export const categoryParams = {
  type: 'object',
  required: ['id', 'categoryId'],
  properties: { id: { type: 'integer', minimum: 1, maximum: 2147483647 }, categoryId: { type: 'integer', minimum: 1, maximum: 2147483647 } },
} as const;

export const createDepartmentBody = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'slug'],
  properties: { name: text(120), slug: { type: 'string', minLength: 2, maxLength: 60, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }, email },
} as const;

export const updateDepartmentBody = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: { name: text(120), email },
} as const;

export const districtsBody = {
  type: 'object',
  additionalProperties: false,
  properties: { district: { type: 'array', maxItems: 500, items: { type: 'integer', minimum: 1, maximum: 2147483647 } } },
} as const;

export const categoryBody = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'nameRo', 'nameEn', 'nameHu'],
  properties: {
    code: { type: 'string', minLength: 1, maxLength: 100, pattern: '^[a-z0-9_]+(\\.[a-z0-9_]+)*$' },
    nameRo: text(120),
    nameEn: text(120),
    nameHu: text(120),
    active: { type: 'string', enum: ['on'] },
  },
} as const;

export const addMemberBody = {
  type: 'object',
  additionalProperties: false,
  required: ['memberEmail'],
  properties: { memberEmail: { type: 'string', format: 'email', maxLength: 254 } },
} as const;

export const removeMemberBody = {
  type: 'object',
  additionalProperties: false,
  required: ['userId'],
  properties: { userId: { type: 'string', format: 'uuid' } },
} as const;

export const DEPARTMENT_FIELDS = { name: 'admin.err.name', slug: 'admin.err.slug', email: 'admin.err.email' };
export const CATEGORY_FIELDS = { code: 'admin.err.code', nameRo: 'admin.err.name', nameEn: 'admin.err.name', nameHu: 'admin.err.name', active: 'admin.err.active' };
export const DISTRICT_FIELDS = { district: 'admin.err.district' };
export const MEMBER_FIELDS = { memberEmail: 'admin.err.memberEmail', userId: 'admin.err.userId' };
