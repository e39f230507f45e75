// After a failed submission, move focus to the error summary (GOV.UK pattern), and let its links
// focus the field they name. Without JavaScript, autofocus does the first part.
(() => {
	const summary = document.querySelector('[data-error-summary]');
	if (!summary) return;
	if (document.activeElement !== summary) summary.focus();
	summary.addEventListener('click', (e) => {
		const link = e.target instanceof Element ? e.target.closest('a[href^="#"]') : null;
		if (!link) return;
		const field = document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
		if (!field) return;
		e.preventDefault();
		field.focus();
		(field.closest('fieldset, .field') ?? field).scrollIntoView({ block: 'start' });
	});
})();
