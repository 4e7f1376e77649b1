import { reactSuite } from './react.suite.js';
import { hooksSuite } from './hooks.suite.js';

reactSuite('18');
hooksSuite('18');
