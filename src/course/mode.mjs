// The site's mode, chosen when it is built: `ROUTELAB_MODE=exam npm run build`
// makes the exam site (no solutions, only the first hint of each exercise, no
// instructor guide). Read by the build only (astro.config.mjs, components'
// frontmatter): the pages it writes carry no trace of what was left out.

/** @returns {boolean} */
export function examMode() {
  return process.env.ROUTELAB_MODE === 'exam';
}
