// A stratlint plugin exports its rules and presets. stratlint names the rules
// "example/<rule>" and the presets "example:<preset>".
import corporateThemes from './rules/corporate-themes.js';

export default {
  rules: {
    'corporate-themes': corporateThemes,
  },
  presets: {
    council: {
      extends: 'stratlint:recommended',
      rules: {
        'example/corporate-themes': ['error', { themes: ['a thriving borough', 'good homes', 'a council that listens'] }],
      },
    },
  },
};
