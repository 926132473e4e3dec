import { parseDocument, type Document } from "yaml";

// A small valid referential for tests. Malformed variants are made by editing the parsed YAML
// document (setIn/deleteIn), the way an author would edit the file, without casts on typed objects.

export const VALID_YAML = `id: test-ref
version: "1.0"
title: Référentiel de test
programme: HOPEN
publisher: Test
sources:
  - title: Source de test
publishedOn: 2024-01-01
options:
  - type: multi_choice
    key: domains
    label: Domaines choisis
    choices:
      - { value: X, label: Domaine X }
eligibility:
  kind: all_blocking_met
domains:
  - code: A
    title: Domaine A
    description: Premier domaine
requirements:
  - code: A.1
    domain: A
    label: Première exigence
    help: Aide
    answer: { type: yes_no }
    blocking: true
    proofs: [Une pièce]
    recommendedAction: Agir
    confidence: H
  - code: A.2
    domain: A
    label: Deuxième exigence
    help: Aide
    answer: { type: percentage, target: 90, comparator: ">=" }
    blocking: false
    proofs: []
    recommendedAction: Agir
    confidence: L
    confidenceNote: Code reconstitué
`;

/** The valid fixture after `edit`, as YAML text. */
export function editedYaml(edit: (doc: Document) => void): string {
  const doc = parseDocument(VALID_YAML);
  edit(doc);
  return doc.toString();
}
