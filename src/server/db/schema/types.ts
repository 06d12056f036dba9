import { customType } from 'drizzle-orm/pg-core';

/** Case-insensitive text (citext extension): usernames, staff codes, organisation codes. */
export const citext = customType<{ data: string }>({
  dataType() {
    return 'citext';
  },
});
