/**
 * `<meta>` keys (property, name or itemprop, lower-cased) that carry article metadata, best first.
 * Each comes from markup seen on news sites, e.g. `<meta property="article:published_time" content="2024-03-05T08:00:00Z">`.
 */
export const META_KEYS = {
  title: ['og:title', 'twitter:title', 'dc.title', 'headline'],
  byline: ['author', 'article:author', 'dc.creator', 'byl', 'parsely-author', 'sailthru.author'],
  published: [
    'article:published_time', 'og:published_time', 'published_time', 'datepublished', 'dc.date.issued',
    'dcterms.issued', 'dc.date', 'dcterms.date', 'dcterms.created', 'date', 'pubdate', 'publishdate',
    'publish-date', 'parsely-pub-date', 'sailthru.date', 'article.published',
  ],
  siteName: ['og:site_name', 'application-name', 'dc.publisher', 'publisher'],
}

/** JSON-LD @type values taken as the article of a page, e.g. `{"@type": "NewsArticle", "headline": ...}`. */
export const JSONLD_ARTICLE_TYPE = /Article$|^BlogPosting$|^Report$|^LiveBlogPosting$/
