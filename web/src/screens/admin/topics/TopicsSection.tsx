// Placeholder while the topics administration is being built; replaced by its owner.
export function TopicsSection(_props: { organisationId: string; id?: string }) {
  return null;
}
