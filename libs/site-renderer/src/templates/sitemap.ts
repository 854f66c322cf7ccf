export const SITEMAP = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<% it.urls.forEach(function (url) { %><url><loc><%= url %></loc></url>
<% }) %>
</urlset>
`;
