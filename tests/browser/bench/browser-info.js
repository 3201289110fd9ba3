// The browser as the page sees it.
return { user_agent: navigator.userAgent, language: navigator.language, viewport: [innerWidth, innerHeight, devicePixelRatio] };
