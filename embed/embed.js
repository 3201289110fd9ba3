/*
 * 數讀2024 embed helper for host pages. Include it once on a page that embeds the graphic in
 * iframes: every iframe that reports its height (in Pym.js's or AMP's embed-size message
 * format) is resized to fit its content, with no scroll bar. Any other iframe is untouched.
 *
 *   <iframe src=".../?lang=zh-Hant&embed=1" title="數讀2024" style="width:100%;border:0" height="1500"></iframe>
 *   <script src=".../embed.js" async></script>
 */
(function () {
  "use strict";
  function frameOf(source) {
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }
  function heightIn(data) {
    if (typeof data === "string" && data.indexOf("pymxPYMx") === 0) {
      var bits = data.split("xPYMx");
      return bits[2] === "height" ? parseInt(bits[3], 10) : NaN;
    }
    if (data && data.sentinel === "amp" && data.type === "embed-size") return parseInt(data.height, 10);
    return NaN;
  }
  // Ask every frame for its height (Pym.js's width message), in case it reported before this
  // script was there to listen.
  function ask() {
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow) frames[i].contentWindow.postMessage("pymxPYMxxPYMxwidthxPYMx" + frames[i].offsetWidth, "*");
    }
  }
  window.addEventListener("message", function (event) {
    var height = heightIn(event.data);
    if (!(height > 0 && height < 100000)) return;
    var frame = frameOf(event.source);
    if (frame) {
      frame.style.height = height + "px";
      frame.setAttribute("scrolling", "no");
    }
  });
  if (document.readyState === "complete") ask();
  else window.addEventListener("load", ask);
  window.addEventListener("resize", ask);
})();
