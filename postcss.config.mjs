// Tailwind CSS v4 runs as a PostCSS plugin inside Next.js's CSS pipeline (app/globals.css imports it).
export default { plugins: { "@tailwindcss/postcss": {} } };
