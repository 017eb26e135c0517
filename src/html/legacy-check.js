// Plain ES5, loaded before the pane's bundle. Where Office shows add-ins in Internet Explorer 11
// (Trident: Office 2016-2019 on Windows without WebView2 or EdgeHTML, per Microsoft's "Browsers and
// webview controls used by Office Add-ins"), the ES2017 bundle cannot even be parsed and the pane
// would stay blank; this says why instead, in both languages.
(function () {
  var ua = navigator.userAgent || '';
  if (ua.indexOf('Trident/') < 0 && ua.indexOf('MSIE ') < 0) return;
  var app = document.getElementById('app');
  if (!app) return;
  var texts = [
    ['h1', 'This Excel cannot show the pane / この Excel では作業ウィンドウを表示できません'],
    ['p', 'This Excel shows add-ins with Internet Explorer 11, which cannot run the pane. It runs in Microsoft 365 or Excel 2021 and later on Windows 10 or 11 (which show add-ins with Microsoft Edge), in Excel on the web and in Excel for Mac. The altrules command line runs on any computer with Node.js.'],
    ['p', 'この Excel はアドインを Internet Explorer 11 で表示するため、作業ウィンドウを実行できません。Windows 10・11 の Microsoft 365 または Excel 2021 以降（アドインを Microsoft Edge で表示します）、Excel on the web、Mac 版 Excel で使えます。コマンドライン版 altrules は Node.js があればどのコンピューターでも使えます。']
  ];
  while (app.firstChild) app.removeChild(app.firstChild);
  for (var i = 0; i < texts.length; i++) {
    var e = document.createElement(texts[i][0]);
    e.textContent = texts[i][1];
    app.appendChild(e);
  }
  app.setAttribute('data-legacy', 'ie11');
})();
