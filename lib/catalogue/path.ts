/** A path into a document as people read it: `form.fields[2].label.oc`. */
export type Path = readonly PropertyKey[];

export const formatPath = (path: Path): string =>
  path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;
    return text === '' ? String(part) : `${text}.${String(part)}`;
  }, '');
