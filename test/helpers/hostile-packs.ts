/** Each hostile fixture: the file:line:col it must be reported at and what the message must say. */
export const HOSTILE_EXPECTATIONS: Array<[string, RegExp]> = [
  ['invalid-yaml', /invalid-yaml\/pack\.yaml:6:1: Missing closing "quote\. Fix the YAML syntax\./],
  ['schema-violation', /schema-violation\/pack\.yaml:2:10: \/version must match pattern/],
  ['schema-violation', /schema-violation\/pack\.yaml:6:5: unknown property "negate" in \/lexicons\/customer/],
  ['code-in-pack', /code-in-pack\/pack\.yaml:4:1: unknown property "main"/],
  ['code-in-pack', /code-in-pack\/pack\.yaml:8:5: unknown property "script"/],
  ['backtracking-phrase', /backtracking-phrase\/pack\.yaml:6:14: invalid pattern: unexpected "\+".*Phrase patterns are not regular expressions/],
  ['unsupported-regex', /unsupported-regex\/pack\.yaml:6:16: invalid regex: invalid or unsupported regex .*no lookaround/],
  ['unsupported-regex', /unsupported-regex\/pack\.yaml:7:16: invalid regex: .*invalid escape sequence/],
  ['empty-regex', /empty-regex\/pack\.yaml:6:16: invalid regex: this regex can match empty text/],
  ['docs-escape', /docs-escape\/rules\/x\/rule\.yaml:7:7: docs path "\.\.\/.*" leaves the pack folder/],
  ['future-engine', /future-engine\/pack\.yaml:3:9: pack "future-engine" needs cx-lint engine >=3\.0\.0, but this cx-lint has engine 1\.0\.0/],
  ['long-pattern', /long-pattern\/pack\.yaml:6:9: \/lexicons\/long\/match\/0 must NOT have more than 500 characters/],
];
