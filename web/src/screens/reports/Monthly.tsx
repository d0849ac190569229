// Placeholder while the screen is being built; replaced by its owner.
export default function Monthly() {
  return null;
}
