// The plugin's own tests, with stratlint's RuleTester under node:test.
import { describe, it } from 'node:test';
import { RuleTester } from 'stratlint';
import corporateThemes from '../rules/corporate-themes.js';

RuleTester.describe = describe;
RuleTester.it = it;

new RuleTester().run(corporateThemes, {
  valid: [
    {
      code: '# Digital strategy\n\nDigital helps build good homes: tenants book repairs online.\n',
      options: { themes: ['good homes'] },
    },
  ],
  invalid: [
    {
      code: '# Digital strategy\n\nWe will move every form online.\n',
      options: { themes: ['good homes', 'a council that listens'] },
      errors: [
        { line: 1, column: 1, message: 'The corporate plan\'s theme "good homes" is never mentioned' },
        { line: 1, column: 1, message: /a council that listens/ },
      ],
    },
  ],
});
