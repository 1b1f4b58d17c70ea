// Lints what the package ships (credentials/, nodes/, package.json) with n8n's community-node
// rules: the same checks n8n applies before it verifies a community package.
import tseslint from 'typescript-eslint';
import n8nCommunityNodes from '@n8n/eslint-plugin-community-nodes';

export default [
	{
		ignores: [
			'dist/**',
			'node_modules/**',
			'test/**',
			'scripts/**',
			'coverage/**',
			'*.js',
			'*.mjs',
		],
	},
	{
		files: ['credentials/**/*.ts', 'nodes/**/*.ts', 'package.json'],
		languageOptions: {
			parser: tseslint.parser,
			parserOptions: { extraFileExtensions: ['.json'] },
		},
		...n8nCommunityNodes.configs.recommended,
		rules: {
			...n8nCommunityNodes.configs.recommended.rules,
			// Warnings are findings too: the build fails on them (see npm run lint).
		},
	},
];
