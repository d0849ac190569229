// Placeholder while the screen is being built; replaced by its owner.
export default function Admin() {
  return null;
}
