import { z } from 'zod';

// Hearth's CSP refuses `new Function` on every page, and zod probes for it (and would compile parsers
// with it) unless told not to. The setting is read as each schema is made, so this module is imported
// first in main.tsx, before any module that makes one: a `z.config` call in main.tsx itself would run
// only after every import had already made its schemas.
z.config({ jitless: true });
