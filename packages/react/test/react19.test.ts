import { reactSuite } from './react.suite.js';
import { hooksSuite } from './hooks.suite.js';

reactSuite('19');
hooksSuite('19');
