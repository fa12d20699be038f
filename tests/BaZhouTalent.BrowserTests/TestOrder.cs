using BaZhouTalent.Tests.Shared;

// The order of tests and classes can be reversed or shuffled (BAZHOUTALENT_TEST_ORDER, see ChosenOrder).
[assembly: Xunit.TestCaseOrderer("BaZhouTalent.Tests.Shared.ChosenOrder", "BaZhouTalent.BrowserTests")]
[assembly: Xunit.TestCollectionOrderer("BaZhouTalent.Tests.Shared.ChosenOrder", "BaZhouTalent.BrowserTests")]
